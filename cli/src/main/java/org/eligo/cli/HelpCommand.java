package org.eligo.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code eligo help [COMMAND...]}: the help of the command the words name, however deep ("help trials list" is the
 * help of 'eligo trials list'). Picocli's help command read only the first word, so "help trials lsit" printed the
 * help of 'eligo trials' with exit code 0 and never said that 'lsit' is no command; here a word that names no command
 * is answered as a mistyped command is everywhere ({@link UsageErrors}): the commands that exist and the closest one.
 */
@Command(name = "help", helpCommand = true, description = "Shows the help of a command: eligo help trials list.")
final class HelpCommand implements CommandLine.IHelpCommandInitializable2, Runnable {
  @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command, and its subcommands if any.")
  List<String> commands = new ArrayList<>();

  private CommandLine self;

  @Override
  public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme,
      java.io.PrintWriter outWriter, java.io.PrintWriter errWriter) {
    this.self = helpCommandLine;
  }

  @Override
  public void run() {
    CommandLine command = self.getParent();
    for (String word : commands) {
      CommandLine sub = command.getSubcommands().get(word);
      if (sub == null) {
        if (command.getSubcommands().isEmpty()) {
          throw new CommandLine.ParameterException(command, "'" + command.getCommandSpec().qualifiedName()
              + "' has no commands; '" + word + "' is not one of them.", null, word);
        }
        // the same words picocli's own help command used, which UsageErrors reads as an unknown command
        throw new CommandLine.ParameterException(command, "Unknown subcommand '" + word + "'.", null, word);
      }
      command = sub;
    }
    command.usage(command.getOut());
  }
}
