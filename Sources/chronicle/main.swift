import ChronicleCommands

ChronicleCommand.main()
