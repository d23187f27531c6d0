export { composeMonthlyDigests } from "./compose-digest.js";
export { DigestUsageError, digestCommand, parseDigestArgs } from "./digest-command.js";
export {
  createMonthlyDigestHandler,
  monthlyDigestJob,
  monthlyDigestSchedule,
  previousMonth,
} from "./digest-job.js";
