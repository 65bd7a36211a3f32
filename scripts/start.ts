import { main } from "../packages/functions/src/local/start";

await main();
