/**
 * The {@code assume-role} credential plugin. {@link io.cdkj.plugin.assumerole.AssumeRolePlugin} is
 * the only public type; its javadoc documents every configuration key, the precedence order and the
 * conflicts. The rest is split by job: {@code SettingsParser} (configuration → validated levels),
 * {@code AssumeRoleSettings} (levels + request → what to assume), {@code RoleArnTemplate}
 * (placeholders), {@code SessionNames}, {@code StsClients} (per-region cache), {@code RoleSessions}
 * (providers it owns) and {@code AssumeRoleFailures} (messages).
 */
package io.cdkj.plugin.assumerole;
