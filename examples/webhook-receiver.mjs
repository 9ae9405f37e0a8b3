// A tiny webhook receiver: prints each delivery whose Standard Webhooks signature verifies with
// the endpoint's secret, and answers 400 to anything else. WEBHOOK_SECRET=whsec_… node this-file
import { createServer } from 'node:http';
import { Webhook } from 'standardwebhooks';

const webhook = new Webhook(process.env.WEBHOOK_SECRET);

createServer((req, res) => {
  let body = '';
  req.on('data', (chunk) => (body += chunk));
  req.on('end', () => {
    try {
      // Checks the signature and that webhook-timestamp is within five minutes of now.
      const event = webhook.verify(body, req.headers);
      console.log(req.headers['webhook-id'], event.type, JSON.stringify(event.data));
      res.writeHead(204).end();
    } catch (error) {
      console.log('refused:', error.message);
      res.writeHead(400).end();
    }
  });
}).listen(Number(process.env.RECEIVER_PORT ?? 8787), '127.0.0.1');
