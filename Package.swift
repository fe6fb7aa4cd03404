// swift-tools-version:6.0
import PackageDescription

// Layers, bottom to top; a target imports only targets listed before it.
//   ChronicleTime      shared time vocabulary: civil dates, ISO weeks, TIMEX3 values, zones
//   ChronicleTagger    sentence splitting and the temporal tagger (extract, then anchor)
//   ChronicleMarkdown  the one place that touches libcmark (CCmark)
//   ChronicleModel     articles, front matter, boilerplate, event dating and merging
//   ChronicleSite      rendering the timeline site from Mustache templates
//   ChronicleImport    `chronicle add`: files, saved pages and URLs into content/ (HTML metadata and main-content extraction)
//   ChronicleServe     live preview: the HTTP server for public/, the inotify watcher, rebuild and reload
//   ChronicleCommands  the command-line interface (swift-argument-parser)
//   chronicle          main.swift only
let package = Package(
    name: "chronicle",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chronicle", targets: ["chronicle"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        // The preview server: small, async/await, no SwiftNIO (builds in seconds, not minutes).
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "ChronicleTime"),
        .target(name: "ChronicleTagger", dependencies: ["ChronicleTime"]),
        .target(name: "ChronicleMarkdown", dependencies: ["CCmark", "ChronicleTime"]),
        .target(
            name: "ChronicleModel",
            dependencies: ["ChronicleTime", "ChronicleTagger", "ChronicleMarkdown", "Yams"]
        ),
        .target(
            name: "ChronicleSite",
            dependencies: [
                "ChronicleModel", "ChronicleMarkdown", "ChronicleTagger", "ChronicleTime",
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(name: "ChronicleImport", dependencies: ["ChronicleModel", "ChronicleTime"]),
        .target(
            name: "ChronicleServe",
            dependencies: ["ChronicleModel", "ChronicleSite", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .target(
            name: "ChronicleCommands",
            dependencies: [
                "ChronicleTime", "ChronicleTagger", "ChronicleMarkdown", "ChronicleModel", "ChronicleSite", "ChronicleImport",
                "ChronicleServe",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The process's allocator is Google's TCMalloc (Debian libtcmalloc-minimal4, a 0.4 MB runtime
        // library; scripts/ensure-libs.sh installs it): per-thread caches instead of glibc's locked
        // arenas, and freed memory kept for reuse rather than handed back and faulted in again.
        // Measured at 10,000 articles: the clean build 8.8-9.6 s -> 8.1-8.3 s, the +1 median
        // 0.56 -> 0.51 s; peak memory of the clean build about the same, of the +1 183-186 ->
        // 195-210 MiB. Linked by its file name, so that no development package is needed. The
        // library targets do not link it (the end-to-end tests run this executable).
        .executableTarget(name: "chronicle", dependencies: ["ChronicleCommands"],
                          linkerSettings: [.linkedLibrary(":libtcmalloc_minimal.so.4", .when(platforms: [.linux]))]),

        .target(name: "ChronicleTestSupport", path: "Tests/ChronicleTestSupport"),
        .testTarget(name: "ChronicleTimeTests", dependencies: ["ChronicleTime"]),
        .testTarget(name: "ChronicleTaggerTests", dependencies: ["ChronicleTagger", "ChronicleTime"],
                    resources: [.copy("Corpus")]),
        .testTarget(name: "ChronicleMarkdownTests", dependencies: ["ChronicleMarkdown"]),
        .testTarget(name: "ChronicleModelTests",
                    dependencies: ["ChronicleModel", "ChronicleTagger", "ChronicleTime", "ChronicleTestSupport"],
                    resources: [.copy("Corpus")]),
        .testTarget(name: "ChronicleSiteTests",
                    dependencies: ["ChronicleSite", "ChronicleModel", "ChronicleTestSupport"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ChronicleImportTests",
                    dependencies: ["ChronicleImport", "ChronicleModel", "ChronicleTime", "ChronicleTestSupport", "chronicle"],
                    resources: [.copy("Fixtures")]),
        .testTarget(name: "ChronicleServeTests",
                    dependencies: ["ChronicleServe", "ChronicleSite", "ChronicleModel", "ChronicleTestSupport"]),
        .testTarget(name: "EndToEndTests",
                    dependencies: ["ChronicleTestSupport", "ChronicleCommands", "chronicle"],
                    resources: [.copy("Fixtures")]),
    ]
)

// Every file imports each module whose members it uses. A target that used a type's fields through a
// module it did not import was not recompiled when that type changed: an incremental release build
// then read `[Timex]` with the old stride and trapped (ChronicleSite, session 21).
for target in package.targets where target.name.hasPrefix("Chronicle") && target.type == .regular {
    target.swiftSettings = (target.swiftSettings ?? []) + [.enableUpcomingFeature("MemberImportVisibility")]
}
