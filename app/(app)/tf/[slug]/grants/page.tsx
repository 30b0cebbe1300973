import { placeholderSection } from "@/app/_components/SectionPlaceholder";

const section = placeholderSection("grants");
export const generateMetadata = section.generateMetadata;
export default section.Page;
