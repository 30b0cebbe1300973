import { placeholderSection } from "@/app/_components/SectionPlaceholder";

const section = placeholderSection("meetings");
export const generateMetadata = section.generateMetadata;
export default section.Page;
