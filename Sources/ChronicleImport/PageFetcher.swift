import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Downloads a page over HTTP(S): redirects followed, a time limit for the whole transfer,
/// and a size limit past which the download is aborted.
public struct PageFetcher: Sendable {
    public var timeout: TimeInterval
    public var maximumBytes: Int

    public init(timeout: TimeInterval = 20, maximumBytes: Int = 5 * 1024 * 1024) {
        self.timeout = timeout
        self.maximumBytes = maximumBytes
    }

    /// A downloaded page and where it was finally found.
    public struct Page: Sendable {
        public var bytes: [UInt8]
        /// The URL after redirects.
        public var finalURL: String
        public var contentType: String?
    }

    /// Why a page could not be downloaded.
    public enum FetchError: Error, Equatable, CustomStringConvertible {
        case status(Int)
        case tooLarge(limit: Int)
        case timedOut(seconds: Double)
        case transport(String)

        public var description: String {
            switch self {
            case .status(let code): "the server answered HTTP \(code)"
            case .tooLarge(let limit): "the page is larger than the \(limit) byte limit; download aborted"
            case .timedOut(let seconds): "no complete answer within \(Int(seconds)) s"
            case .transport(let message): message
            }
        }
    }

    public func fetch(_ address: String) throws(FetchError) -> Page {
        guard let url = URL(string: address), WebURL.isWeb(address) else { throw .transport("not an http(s) URL") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        configuration.httpAdditionalHeaders = ["User-Agent": "chronicle/1 (article import)", "Accept": "text/html,application/xhtml+xml,text/plain;q=0.8,*/*;q=0.5"]
        let delegate = FetchDelegate(maximumBytes: maximumBytes)
        let session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        defer { session.invalidateAndCancel() }
        let task = session.dataTask(with: url)
        task.resume()
        if delegate.done.wait(timeout: .now() + timeout + 2) == .timedOut {
            task.cancel()
            throw .timedOut(seconds: timeout)
        }
        let outcome = delegate.outcome()
        if outcome.tooLarge { throw .tooLarge(limit: maximumBytes) }
        if let error = outcome.error {
            if (error as? URLError)?.code == .timedOut { throw .timedOut(seconds: timeout) }
            throw .transport(error.localizedDescription)
        }
        guard let response = outcome.response else { throw .transport("no response") }
        guard (200..<300).contains(response.statusCode) else { throw .status(response.statusCode) }
        return Page(bytes: outcome.bytes, finalURL: response.url?.absoluteString ?? address,
                    contentType: response.value(forHTTPHeaderField: "Content-Type"))
    }
}

/// Collects one response, cancelling it once it grows past the limit.
private final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    let maximumBytes: Int
    let done = DispatchSemaphore(value: 0)
    private let lock = NSLock()
    private var data: [UInt8] = []
    private var response: HTTPURLResponse?
    private var error: Error?
    private var tooLarge = false

    init(maximumBytes: Int) { self.maximumBytes = maximumBytes }

    func outcome() -> (bytes: [UInt8], response: HTTPURLResponse?, error: Error?, tooLarge: Bool) {
        lock.withLock { (data, response, error, tooLarge) }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void) {
        let declared = response.expectedContentLength
        lock.withLock {
            self.response = response as? HTTPURLResponse
            if declared > Int64(maximumBytes) { tooLarge = true }
        }
        completionHandler(declared > Int64(maximumBytes) ? .cancel : .allow)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive chunk: Data) {
        let over: Bool = lock.withLock {
            data.append(contentsOf: chunk)
            if data.count > maximumBytes { tooLarge = true }
            return tooLarge
        }
        if over { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        lock.withLock { self.error = error }
        done.signal()
    }
}
