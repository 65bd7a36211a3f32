import { votePlan } from "./plan";

// Imported first by the test files: every module below reads the plan when it loads.
process.env.ENTRAIDE_PLAN = JSON.stringify(votePlan);
