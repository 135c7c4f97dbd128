/**
 * The target model: what an AWS operation needs credentials for ({@link io.cdkj.toolkit.access.CredentialTarget})
 * and the one shape of a role to assume on top ({@link io.cdkj.toolkit.access.RoleToAssume}). See
 * docs/ARCHITECTURE.md, "The target model".
 */
package io.cdkj.toolkit.access;
