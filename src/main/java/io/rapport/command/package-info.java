/**
 * What a person typed after a slash command, free of Slack's and Bolt's types: the text split into
 * arguments ({@link io.rapport.command.CommandArgs}), the refusal that says how to write it
 * ({@link io.rapport.command.UsageException}) and the shared words of a failed command. Services
 * (reports, administration) and the listeners in {@code io.rapport.slack} both use it.
 */
package io.rapport.command;
