/**
 * The {@code ./eligo} command line: one {@code XxxCommand} class per command, all reached from
 * {@link org.eligo.cli.EligoMain}. Commands parse options, call the registry's services and print; they hold no
 * domain logic.
 */
package org.eligo.cli;
