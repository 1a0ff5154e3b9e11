import LedeCLI

await Lede.main()
