package io.rapport.modules;

import com.slack.api.bolt.App;
import io.rapport.slack.listeners.commands.CommandsRegistrar;

/**
 * Where a {@link Module} attaches its listeners: the Bolt app (buttons, modals, events) and the
 * slash commands, which are remembered by name so a test can check them against manifest.yml.
 */
public record Routes(App app, CommandsRegistrar commands) {}
