export * from "./roles";
export * from "./users";
export * from "./taskForces";
export * from "./audit";
