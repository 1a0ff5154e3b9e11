import LedeCore

extension CleanCaptionsStage {
    /// One example per built-in rule, and examples of what must stay: `examples.yaml`, beside this file, whose
    /// lines a failing example names.
    public static let examples: [StageExample] = {
        let file = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/") + "/examples.yaml"
        do {
            return try StageExample.load(yaml: String(decoding: PackageResources.examples_yaml, as: UTF8.self), file: file)
        } catch {
            fatalError("the bundled examples.yaml does not load: \(error)")
        }
    }()
}
