import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    id: string;
    isAdmin: boolean;
  }
  interface Session {
    user: { id: string };
    authTime: number;
    lastSeen: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    authTime?: number;
    lastSeen?: number;
  }
}
