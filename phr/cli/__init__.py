"""The command line (`phr`): the parser and one module per group of commands, on the same services as the app."""
