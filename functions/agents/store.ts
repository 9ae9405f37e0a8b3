// Agent profiles: one item per agent.
import { keys } from '#shared/keys.ts';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, tableName } from '#shared/aws.ts';
import type { AgentProfile } from './schema.ts';

const key = keys.agent;

export interface AgentStore {
  get(agentId: string): Promise<AgentProfile | undefined>;
  put(profile: AgentProfile): Promise<void>;
}

export const dynamoAgentStore: AgentStore = {
  async get(agentId) {
    const out = await documentClient().send(new GetCommand({ TableName: tableName(), Key: key(agentId) }));
    if (!out.Item) return undefined;
    const { pk: _pk, sk: _sk, ...profile } = out.Item;
    return profile as AgentProfile;
  },
  async put(profile) {
    await documentClient().send(
      new PutCommand({ TableName: tableName(), Item: { ...key(profile.agentId), ...profile } }),
    );
  },
};
