/**
 * The cdkj plugin SPI: implement {@link io.cdkj.plugin.CredentialProviderSource}, register it with
 * {@code @AutoService}, drop the jar into a plugins directory, and select it with
 * {@code cdkj --plugin NAME}. Extend {@code io.cdkj.plugin.testing.CredentialProviderSourceContractTest}
 * from this module's test-jar to check an implementation against the contract.
 */
package io.cdkj.plugin;
