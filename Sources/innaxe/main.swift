import InnaxeCLI

InnaxeCommand.main()
