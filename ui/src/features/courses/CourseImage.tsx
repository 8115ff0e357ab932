import { useRecords } from "../../data/records";
import { api } from "../../api";

/** A course picture, read once through the shared cache (the core checks who may see it). */
export function CourseImage({
  id,
  alt,
  className,
  onError,
}: {
  id: number;
  alt: string;
  className?: string;
  onError: (e: unknown) => boolean;
}) {
  const image = useRecords(["course-image", id], () => api.courseImage(id), onError);
  if (!image.data) return null;
  return <img src={image.data} alt={alt} className={className ?? "course-image"} data-course-image={id} />;
}
