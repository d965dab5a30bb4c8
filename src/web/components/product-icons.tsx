import { Icon, type IconProps } from './icons.tsx';

/** Line icons of the product studio's tabs. */
export const IconImage = (props: IconProps) => <Icon paths={['M4 5h16v14H4z', 'M4 16l5-5 4 4 2-2 5 5', 'M15 8.5v.1']} {...props} />;
export const IconGauge = (props: IconProps) => <Icon paths={['M4 17a8 8 0 1 1 16 0', 'M12 17l4-5', 'M3 20h18']} {...props} />;
export const IconTruck = (props: IconProps) => <Icon paths={['M3 6h11v10H3z', 'M14 10h4l3 3v3h-7', 'M7 18.5a1.5 1.5 0 1 0 0-.1', 'M17 18.5a1.5 1.5 0 1 0 0-.1']} {...props} />;
