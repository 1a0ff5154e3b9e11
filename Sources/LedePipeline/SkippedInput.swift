/// An entry of an input folder that was passed over, as the manifest records it.
public struct SkippedInput: Codable, Sendable, Equatable {
    /// The path as records show paths.
    public var path: String
    /// Why: a FIFO, a device, a dangling symbolic link, a folder that cannot be read.
    public var reason: String
}
