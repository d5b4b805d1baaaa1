// What the signed-in user's roles let them do in the browser (the services decide; this only hides what they refuse).

const OFFICERS = ['UNIT_OFFICER', 'PROVINCE_OFFICER'];

export function isOfficer(user) {
  return user.roles.some((role) => OFFICERS.includes(role));
}

/** Registers, revises, withdraws and evaluates pledges of their subtree. */
export function canManagePledges(user) {
  return isOfficer(user) || user.roles.includes('MEMBER');
}

/** Writes their own unit's report (the central board writes the national one). */
export function canReport(user) {
  return isOfficer(user) || (user.roles.includes('CENTRAL_BOARD') && user.unitId === 'vn');
}

/** Approves or returns the reports of the units directly under theirs. */
export function canApprove(user) {
  return isOfficer(user) || user.roles.includes('CENTRAL_BOARD');
}

export function canImport(user) {
  return isOfficer(user);
}
