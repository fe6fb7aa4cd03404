import ArgumentParser
import ChronicleSite

/// The `chronicle` command and its subcommands.
public struct ChronicleCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "chronicle",
        abstract: "Turn a folder of news articles into a dated timeline website.",
        version: ChronicleVersion.current,
        subcommands: [BuildCommand.self, ServeCommand.self, WatchCommand.self, AddCommand.self, TagCommand.self, ExplainCommand.self, InitCommand.self,
                      EvalCommand.self, BenchCommand.self],
    )

    public init() {}
}

/// The tool's version, printed by `--version` and written into caches.
public enum ChronicleVersion {
    public static let current = "0.1.0"

    /// The version and this very executable (its size and modification time): a cache written by
    /// another build of the tool, even of the same version, is not reused.
    public static var buildIdentity: String { "chronicle \(current) (\(SiteBuild.executableIdentity))" }
}
