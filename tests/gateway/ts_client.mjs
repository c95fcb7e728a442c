// A real TypeScript SDK client (@modelcontextprotocol/sdk, the MCP Inspector's) for the gateway tests:
// connects over streamable HTTP in its default protocol era, lists the tools (so the SDK validates
// each result's structuredContent against the tool's output schema), declares elicitation (answering every
// question with `answer`), calls one tool with a progress token and prints one JSON line:
// {"progress": [...], "asked": [...], "result": {...}}.
// Usage: node ts_client.mjs URL TOOL ARGS_JSON ANSWER(accept|decline)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ElicitRequestSchema } from "@modelcontextprotocol/sdk/types.js";

const [url, tool, argsJson, answer] = process.argv.slice(2);
const client = new Client({ name: "hdr-ts-test", version: "1.0.0" }, { capabilities: { elicitation: { form: {} } } });
const asked = [];
client.setRequestHandler(ElicitRequestSchema, async (request) => {
  asked.push(request.params.message);
  return answer === "accept" ? { action: "accept", content: { confirm: true } } : { action: "decline" };
});
const progress = [];
await client.connect(new StreamableHTTPClientTransport(new URL(url)));
await client.listTools(); // caches output schemas: callTool then validates structuredContent against them
const result = await client.callTool({ name: tool, arguments: JSON.parse(argsJson) }, undefined, {
  onprogress: (p) => progress.push(p),
  timeout: 120000,
});
console.log(JSON.stringify({ progress, asked, result, protocol: client.transport.protocolVersion ?? null }));
await client.close();
