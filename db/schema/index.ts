export * from "./roles";
export * from "./users";
export * from "./taskForces";
export * from "./audit";
export * from "./frameworks";
export * from "./assessments";
export * from "./notifications";
export * from "./gaps";
