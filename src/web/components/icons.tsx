import type { SVGProps } from 'react';

export type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

/** A line icon drawn from path data; decorative (hidden from assistive technology). */
export function Icon({ size = 18, paths, ...props }: IconProps & { paths: string[] }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
      strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}
    >
      {paths.map((d) => <path key={d} d={d} />)}
    </svg>
  );
}

const icon = (paths: string[]) => (props: IconProps) => <Icon paths={paths} {...props} />;

export const IconPlus = icon(['M12 5v14', 'M5 12h14']);
export const IconCheck = icon(['M5 12.5l4.5 4.5L19 7.5']);
export const IconChevronDown = icon(['M6 9l6 6 6-6']);
export const IconUpload = icon(['M12 15V4', 'M7 8.5l5-4.5 5 4.5', 'M5 19.5h14']);
export const IconDownload = icon(['M12 4v11', 'M7 10.5l5 4.5 5-4.5', 'M5 19.5h14']);
export const IconInfo = icon(['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M12 11v5.5', 'M12 7.6v.1']);
export const IconTrash = icon(['M4 7h16', 'M9.5 7V4.5h5V7', 'M6.5 7l1 13h9l1-13', 'M10 11v5.5', 'M14 11v5.5']);
export const IconLogout = icon(['M14 4h5v16h-5', 'M10 8l-4 4 4 4', 'M6 12h10']);
export const IconSend = icon(['M4 11.5L20 4l-6.5 16-2.5-6.5z', 'M11 13.5L20 4']);
export const IconFile = icon(['M7 3h7l5 5v13H7z', 'M14 3v5h5']);
export const IconHistory = icon(['M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18', 'M12 7.5V12l3 2']);
export const IconChat = icon(['M4 5h16v11H9.5L5 20v-4H4z']);
export const IconUsers = icon(['M9 4a3.5 3.5 0 1 0 0 7a3.5 3.5 0 1 0 0-7', 'M3 20c0-3.3 2.7-6 6-6s6 2.7 6 6', 'M16 4.5a3.3 3.3 0 0 1 0 6.3', 'M18 14.4c1.8.9 3 2.8 3 5.1']);
export const IconSliders = icon(['M4 7h9', 'M17 7h3', 'M15 5v4', 'M4 17h3', 'M11 17h9', 'M9 15v4']);
export const IconMoon = icon(['M20 14.5A8 8 0 0 1 9.5 4a8 8 0 1 0 10.5 10.5z']);
export const IconSun = icon(['M12 8a4 4 0 1 0 0 8a4 4 0 1 0 0-8', 'M12 2.5v2', 'M12 19.5v2', 'M2.5 12h2', 'M19.5 12h2', 'M5.3 5.3l1.4 1.4', 'M17.3 17.3l1.4 1.4', 'M5.3 18.7l1.4-1.4', 'M17.3 6.7l1.4-1.4']);
export const IconArrowLeft = icon(['M19 12H5', 'M11 6l-6 6 6 6']);
export const IconBuilding = icon(['M4 21V5l8-2v18', 'M12 8h8v13', 'M8 8v.1', 'M8 12v.1', 'M8 16v.1', 'M16 12v.1', 'M16 16v.1', 'M2.5 21h19']);
export const IconBook = icon(['M4 5.5A2.5 2.5 0 0 1 6.5 3H20v15H6.5A2.5 2.5 0 0 0 4 20.5z', 'M4 20.5A2.5 2.5 0 0 0 6.5 23H20v-5']);
export const IconLink = icon(['M10 14a4.5 4.5 0 0 0 6.4 0l3-3a4.5 4.5 0 0 0-6.4-6.4l-1 1', 'M14 10a4.5 4.5 0 0 0-6.4 0l-3 3a4.5 4.5 0 0 0 6.4 6.4l1-1']);
export const IconSearch = icon(['M11 4a7 7 0 1 0 0 14a7 7 0 1 0 0-14', 'M20 20l-4-4']);
export const IconRefresh = icon(['M20 11a8 8 0 0 0-14.5-4.5L4 8', 'M4 4v4h4', 'M4 13a8 8 0 0 0 14.5 4.5L20 16', 'M20 20v-4h-4']);
