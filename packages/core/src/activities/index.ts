/** The register of the cooperative's activities. */
export { Activity } from "./activity";
export { getActivity, upsertActivity } from "./register";
