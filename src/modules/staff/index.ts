export { type StaffRole, staffRoles, staffUsers } from "./schema.js";
export { resolveStaffSession, signInStaff } from "./staff-sessions.js";
export { createStaffUser, findStaffUserByEmail, listStaffUsers, setStaffPassword } from "./staff-users.js";
