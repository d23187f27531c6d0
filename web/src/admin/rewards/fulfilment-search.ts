import { offerStatuses } from "../../api/reward-types";
import { choiceParam, describeSearch, patternParam, textParam } from "../../app/list-kit";

/** `?program=&status=&dueMonth=`; the queue opens on what is chosen and waits for delivery. */
export const fulfilmentSearch = describeSearch({
  // Chosen with the program select (useChosenProgram); described here so a filter change keeps it.
  program: textParam({ narrows: false }),
  status: choiceParam(offerStatuses, "chosen"),
  dueMonth: patternParam(/^\d{4}-(0[1-9]|1[0-2])$/),
});
