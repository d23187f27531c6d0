export {
  isActiveStaffWith,
  listActiveStaff,
  type StaffCard,
  type StaffContact,
  staffCardsByIds,
  staffContacts,
} from "./staff-directory.js";
export { resolveStaffSession, signInStaff } from "./staff-sessions.js";
export { createStaffUser, findStaffUserByEmail, listStaffUsers, setStaffPassword } from "./staff-users.js";
