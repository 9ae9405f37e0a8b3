// Agent trust, one item per agent and port: a port's supervisors decide which agents take the
// lighter risk path at their port, and no other port's decision reaches it.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import { keys } from '#shared/keys.ts';
import type { AgentProfile } from './schema.ts';

const key = keys.agent;

export interface AgentStore {
  /** The agent's trust at `port`. */
  get(agentId: string, port: string): Promise<AgentProfile | undefined>;
  put(profile: AgentProfile): Promise<void>;
}

export const dynamoAgentStore: AgentStore = {
  async get(agentId, port) {
    const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key(agentId, port) }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, ...profile } = out.Item;
    return profile as AgentProfile;
  },
  async put(profile) {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...key(profile.agentId, profile.port), ...profile } }),
    );
  },
};
