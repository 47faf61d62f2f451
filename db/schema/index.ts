export * from "./accounts";
export * from "./events";
export * from "./irritants";
export * from "./vendors";
export * from "./action-plan";
export * from "./surveys";
export * from "./progress";
export * from "./indicators";
