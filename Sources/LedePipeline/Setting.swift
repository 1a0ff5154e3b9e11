import LedeCore
import Yams

/// `--set STAGE.KEY=VALUE`: one stage option given on the command line, applied to the pipeline file's
/// first stage named STAGE before the options are decoded, so it is typed and validated exactly like the
/// YAML. VALUE is read as a YAML scalar or flow value (`none`, `3`, `true`, `[a, b]`, `{x: 1}`); empty, it
/// takes the option's default.
public struct Setting: Sendable, Equatable, CustomStringConvertible {
    /// The flag's argument as given (`entity-tag.model=none`).
    public var argument: String
    /// The stage's name.
    public var stage: String
    /// The option's key.
    public var key: String
    /// The value as written.
    public var value: String
    /// The flag that made the setting, when it is not `--set` (`--output -` sets the write stage's outputs).
    public var flag: String?

    /// `--set ARGUMENT` (or the flag that made it), for messages and `lede explain`.
    public var description: String { flag ?? "--set \(argument)" }

    /// Parses `STAGE.KEY=VALUE`.
    ///
    /// - Throws: ``ConfigError`` when the argument does not have that form.
    public init(parsing argument: String, flag: String? = nil) throws {
        self.argument = argument
        self.flag = flag
        let usage = "write --set STAGE.KEY=VALUE, such as --set entity-tag.model=none"
        guard let equals = argument.firstIndex(of: "=") else {
            throw ConfigError("--set \(argument): no '=' before the value", hint: usage)
        }
        let path = argument[..<equals]
        value = String(argument[argument.index(after: equals)...])
        guard let dot = path.firstIndex(of: "."), dot != path.startIndex, path.index(after: dot) != path.endIndex else {
            throw ConfigError("--set \(argument): '\(path)' is not STAGE.KEY", hint: usage)
        }
        stage = String(path[..<dot])
        key = String(path[path.index(after: dot)...])
        guard !key.contains(".") else {
            throw ConfigError("--set \(argument): '\(key)' is a nested key; --set sets one option of a stage",
                              hint: "give the whole value in flow style: --set \(stage).\(key.split(separator: ".")[0])={...}")
        }
        guard !value.contains("\n"), !value.contains("\r") else {
            throw ConfigError("--set \(argument): the value has a line break", hint: "write lists and mappings in flow style: [a, b], {x: 1}")
        }
        guard value.unicodeScalars.count < Self.width else {
            throw ConfigError("--set \(stage).\(key)=...: the value is \(value.unicodeScalars.count) characters; the limit is \(Self.width - 1)")
        }
    }

    /// Each setting's nodes carry a place past any column a pipeline file (at most 1 MiB) can have, on line
    /// 1: from `base + index * width`. An error at such a place is one of the settings', and is reported as
    /// the flag's. (Marks cannot be made directly, so they come from parsing the value at that column.)
    static let base = 1_100_001
    static let width = 10_000

    /// Which setting an error location belongs to, if any.
    static func index(of location: SourceLocation?) -> Int? {
        guard let location, location.line == 1, location.column >= base else { return nil }
        return (location.column - base) / width
    }

    /// `root` with every setting applied to the options of the first stage of its name.
    ///
    /// A setting that names no stage of the file, or whose value is not YAML, is left out, and a
    /// ``ConfigError`` naming its flag is added to `errors`; the others are applied all the same.
    static func apply(_ settings: [Setting], to root: Node, file: String, errors: inout ConfigErrorCollector) -> Node {
        guard !settings.isEmpty else { return root }
        guard case .mapping(var top) = root, let stagesKey = top.keys.first(where: { $0.string == "stages" }),
              case .sequence(var entries) = top[stagesKey]! else {
            return root  // the loader reports the missing or malformed stages list
        }
        for (index, setting) in settings.enumerated() {
            let names: [String] = entries.compactMap { entry in
                if case .mapping(let m) = entry, m.count == 1 { return m.keys.first?.string }
                return entry.string
            }
            guard let at = names.firstIndex(of: setting.stage) else {
                errors.add(ConfigError("\(setting): the pipeline has no stage '\(setting.stage)'",
                                  hint: Suggest.nearest(setting.stage, in: names).map { "did you mean '\($0)'?" }
                                      ?? "its stages: " + names.joined(separator: ", ")))
                continue
            }
            // The key and the value, parsed where their marks say which setting they are.
            let pad = String(repeating: " ", count: base - 1 + index * width)
            let parsed: Node
            do {
                parsed = try YAMLParser.parse(pad + "{\(setting.key.debugDescription): " + (setting.value.isEmpty ? "~" : setting.value) + "}",
                                              file: file)
            } catch {
                for error in ConfigErrors.all(in: error) ?? [ConfigError("\(setting): \(error)")] {
                    guard Self.index(of: error.location) != nil else { errors.add(error); continue }
                    errors.add(ConfigError("\(setting): the value is not a YAML value: \(error.message.replacingOccurrences(of: "invalid YAML: ", with: ""))",
                                           hint: "quote text for the shell and for YAML: --set \(setting.stage).\(setting.key)='\"a: b\"'"))
                }
                continue
            }
            guard case .mapping(let pair) = parsed, pair.count == 1, let (key, value) = pair.first.map({ ($0.key, $0.value) }) else {
                errors.add(ConfigError("\(setting): the value is not a single YAML value"))
                continue
            }
            let entry = entries[at]
            var options: Node.Mapping
            let name: Node
            switch entry {
            case .mapping(let m):
                name = m.keys.first!
                switch m.values.first! {
                case .mapping(let existing): options = existing
                case .scalar(let s) where NodeDecoding.isNull(s): options = Node.Mapping([], .implicit, .flow, s.mark)
                default: continue  // not a mapping: the loader reports it at the file's place
                }
            default:
                name = entry
                options = Node.Mapping([], .implicit, .flow, entry.mark)
            }
            var pairs = options.map { ($0.key, $0.value) }.filter { $0.0.string != setting.key }
            pairs.append((key, value))
            let replaced = Node.Mapping(pairs, options.tag, options.style, options.mark)
            let newEntry: Node
            if case .mapping(let m) = entry {
                newEntry = .mapping(Node.Mapping([(name, .mapping(replaced))], m.tag, m.style, m.mark))
            } else {
                newEntry = .mapping(Node.Mapping([(name, .mapping(replaced))], .implicit, .block, entry.mark))
            }
            var items = Array(entries)
            items[at] = newEntry
            entries = Node.Sequence(items, entries.tag, entries.style, entries.mark)
        }
        top[stagesKey] = .sequence(entries)
        return .mapping(top)
    }

    /// An error at one of the settings' places, reported as the flag's: `--set entity-tag.modle=none:
    /// unknown key 'modle' of stage 'entity-tag'`, with the hint.
    static func relocate(_ error: ConfigError, _ settings: [Setting]) -> ConfigError {
        guard let index = index(of: error.location), index < settings.count else { return error }
        let setting = settings[index]
        var message = error.message
        if message.hasPrefix("unknown key") { message += " of stage '\(setting.stage)'" }
        // An error inside the value names the place in the value only when it is not the whole value.
        return ConfigError("\(setting): " + message, hint: error.hint)
    }
}
