import type { ReactNode } from "react";
import { PublicFrame } from "@/app/_components/PublicFrame";

export default function PublicLayout({ children }: { children: ReactNode }) {
  return <PublicFrame>{children}</PublicFrame>;
}
