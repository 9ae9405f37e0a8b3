// Response builders: every route answers JSON in the same envelope conventions, or a file.
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export type HttpResult = APIGatewayProxyStructuredResultV2;

export function json(statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult {
  return {
    statusCode,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(body),
  };
}

export const ok = (body: unknown) => json(200, body);
export const created = (body: unknown, location?: string) => json(201, body, location ? { location } : {});
export const accepted = (body: unknown) => json(202, body);

/** A file: base64 with `isBase64Encoded`, which API Gateway (and the local gateway) sends as bytes. */
export function file(body: Buffer, contentType: string, filename: string): HttpResult {
  return {
    statusCode: 200,
    headers: { 'content-type': contentType, 'content-disposition': `inline; filename="${filename}"` },
    body: body.toString('base64'),
    isBase64Encoded: true,
  };
}
