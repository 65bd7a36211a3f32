import { useDemoPlan } from "../packages/core/src/plan/demo";

// The local stack runs the demo plan, whose window includes the day it starts (the README's
// walkthrough works on any day); deployments keep the 2020 plan. Set before the plan loads.
useDemoPlan(process.env, new Date().toISOString().slice(0, 10));
const { main } = await import("../packages/functions/src/local/start");

await main();
