import { placeholderSection } from "@/app/_components/SectionPlaceholder";

const section = placeholderSection("gaps");
export const generateMetadata = section.generateMetadata;
export default section.Page;
