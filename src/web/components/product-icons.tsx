import type { SVGProps } from 'react';

type IconProps = Omit<SVGProps<SVGSVGElement>, 'children'> & { size?: number };

/** Line icons of the product studio's tabs, drawn like icons.tsx; decorative (hidden from assistive technology). */
function ProductIcon({ size = 18, paths, ...props }: IconProps & { paths: string[] }) {
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg" width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor"
      strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}
    >
      {paths.map((d) => <path key={d} d={d} />)}
    </svg>
  );
}

export const IconImage = (props: IconProps) => <ProductIcon paths={['M4 5h16v14H4z', 'M4 16l5-5 4 4 2-2 5 5', 'M15 8.5v.1']} {...props} />;
export const IconGauge = (props: IconProps) => <ProductIcon paths={['M4 17a8 8 0 1 1 16 0', 'M12 17l4-5', 'M3 20h18']} {...props} />;
export const IconTruck = (props: IconProps) => <ProductIcon paths={['M3 6h11v10H3z', 'M14 10h4l3 3v3h-7', 'M7 18.5a1.5 1.5 0 1 0 0-.1', 'M17 18.5a1.5 1.5 0 1 0 0-.1']} {...props} />;
