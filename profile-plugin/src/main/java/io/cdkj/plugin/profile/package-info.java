/**
 * The bundled {@code profile} credential plugin. {@link io.cdkj.plugin.profile.ProfilePlugin} is the
 * only public type; its javadoc documents the discovery, the mappings and the messages. The rest is
 * split by job: {@code SettingsParser} (context keys → {@code ProfileSettings}), {@code AwsProfiles}
 * (the files), {@code DiscoveredProfile} (which account a profile acts in), {@code ProfileChooser}
 * (mapping, discovery, mode preference), {@code SsoLogin} and {@code SsoToken} (the IAM Identity Center
 * token cache) and {@code ProfileFailures} (messages).
 */
package io.cdkj.plugin.profile;
