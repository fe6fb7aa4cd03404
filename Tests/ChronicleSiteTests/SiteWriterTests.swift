import ChronicleSite
import ChronicleTestSupport
import Foundation
import Testing

/// Writing the site: paths stay inside the output folder, and a failed write leaves the old site.
struct SiteWriterTests {
    @Test(arguments: ["/etc/passwd", "../outside.html", "a/../../b", "articles/../../x", "./a", "a//b", "", "a\\..\\b", "a/.."])
    func unsafePathsAreRejected(_ path: String) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = dir.url.appendingPathComponent("public")
        #expect(throws: SiteWriter.WriteError.unsafePath(path)) {
            try SiteWriter.write([OutputFile(path: "index.html", text: "ok"), OutputFile(path: path, text: "x")], to: output)
        }
        #expect(!FileManager.default.fileExists(atPath: output.path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func writesNestedFilesAndReplacesOldOutput() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = dir.url.appendingPathComponent("site/public")
        try SiteWriter.write([OutputFile(path: "old.html", text: "old")], to: output)
        try SiteWriter.write([OutputFile(path: "index.html", text: "new"), OutputFile(path: "articles/a.html", text: "é")], to: output)
        #expect(try String(contentsOf: output.appendingPathComponent("articles/a.html"), encoding: .utf8) == "é")
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("old.html").path))
        // No staging or old folders are left next to the output.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.appendingPathComponent("site").path) == ["public"])
    }

    @Test func failedWriteLeavesPreviousOutputUntouched() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let output = dir.url.appendingPathComponent("public")
        try SiteWriter.write([OutputFile(path: "index.html", text: "previous")], to: output)
        // "a" is a file, so "a/b.html" cannot be created: the write fails halfway.
        #expect(throws: SiteWriter.WriteError.self) {
            try SiteWriter.write([OutputFile(path: "index.html", text: "next"), OutputFile(path: "a", text: "file"),
                                  OutputFile(path: "a/b.html", text: "x")], to: output)
        }
        #expect(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8) == "previous")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["public"])
    }

    @Test func duplicatePathsAreRejected() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        #expect(throws: SiteWriter.WriteError.duplicatePath("a.html")) {
            try SiteWriter.write([OutputFile(path: "a.html", text: "1"), OutputFile(path: "a.html", text: "2")], to: dir.url.appendingPathComponent("out"))
        }
    }

    @Test func refusesToReplaceAProjectFolder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try dir.write("content/a.md", "keep me")
        #expect(throws: SiteWriter.WriteError.refusingToReplace(dir.url.standardizedFileURL.path)) {
            try SiteWriter.write([OutputFile(path: "index.html", text: "x")], to: dir.url)
        }
        #expect(try dir.read("content/a.md") == "keep me")
    }

    @Test func refusesToReplaceAFile() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = try dir.write("README.md", "keep me")
        #expect(throws: SiteWriter.WriteError.refusingToReplace(file.standardizedFileURL.path)) {
            try SiteWriter.write([OutputFile(path: "index.html", text: "x")], to: file)
        }
        #expect(try dir.read("README.md") == "keep me")
    }
}
