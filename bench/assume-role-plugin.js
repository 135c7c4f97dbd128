// A CDK CLI credential plugin equivalent to cdkj's assume-role plugin, for bench/run's comparison:
// assumes cdk-readOnlyRole (lookups) or cdk-writeRole (deploys) in the target account with the
// default credentials, one STS session per (account, role) per process. Plugin contract: version '1',
// init(host) registers a credential provider source (@aws-cdk/cli-plugin-contract).
'use strict';

const { STSClient, AssumeRoleCommand } = require('@aws-sdk/client-sts');

const READ_ROLE = process.env.BENCH_READ_ROLE || 'cdk-readOnlyRole';
const WRITE_ROLE = process.env.BENCH_WRITE_ROLE || 'cdk-writeRole';
const FOR_WRITING = 1; // the contract's Mode.ForWriting

const sessions = new Map();
let sts;

function client() {
  if (!sts) {
    // Region and endpoint come from AWS_REGION / AWS_ENDPOINT_URL, like the rest of the SDK.
    sts = new STSClient({ region: process.env.AWS_REGION || 'us-east-1' });
  }
  return sts;
}

async function assume(accountId, roleName) {
  const response = await client().send(new AssumeRoleCommand({
    RoleArn: `arn:aws:iam::${accountId}:role/${roleName}`,
    RoleSessionName: `bench-${roleName}`.slice(0, 64),
  }));
  const c = response.Credentials;
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
}

const source = {
  name: 'bench-assume-role',
  isAvailable: async () => true,
  canProvideCredentials: async () => true,
  getProvider: async (accountId, mode) => {
    const role = mode === FOR_WRITING ? WRITE_ROLE : READ_ROLE;
    const key = `${accountId}/${role}`;
    if (!sessions.has(key)) {
      sessions.set(key, assume(accountId, role));
    }
    return sessions.get(key);
  },
};

module.exports = {
  version: '1',
  init(host) {
    host.registerCredentialProviderSource(source);
  },
};
