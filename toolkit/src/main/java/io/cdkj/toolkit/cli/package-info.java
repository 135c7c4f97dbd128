/**
 * The {@code cdkj} command line.
 *
 * <ul>
 *   <li>{@link io.cdkj.toolkit.cli.Main} is the process entry point; {@link io.cdkj.toolkit.cli.CdkjCli#execute}
 *       runs one invocation against an injectable {@link io.cdkj.toolkit.cli.Io} (writers, stdin,
 *       environment, working and home directory, plugin path) — tests call it in-process.</li>
 *   <li>{@link io.cdkj.toolkit.cli.CdkjCommand} is the root; global options ({@code --profile},
 *       {@code --plugin}, {@code -c/--context}, {@code --verbose}, {@code --debug}) are accepted
 *       before or after the subcommand name.</li>
 *   <li>A subcommand is one class extending {@link io.cdkj.toolkit.cli.SessionCommand}: implement
 *       {@code int run(ToolkitSession session)}, add the class to {@code Subcommands.all()}. The
 *       {@link io.cdkj.toolkit.cli.ToolkitSession} gives configuration, plugins, credentials per
 *       environment and SDK clients, created lazily and closed after the command.</li>
 *   <li>Errors: throw {@link io.cdkj.toolkit.ToolkitException}; the CLI prints {@code Error: message}
 *       and exits with the code's exit code (see {@code cdkj --help}).</li>
 * </ul>
 */
package io.cdkj.toolkit.cli;
