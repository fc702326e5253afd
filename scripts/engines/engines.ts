/** The engines the matrix VM serves, each on its own guest port (see image/guest/usr/local/sbin/wharf-init). */
export interface VmEngine {
  id: string;
  /** For the table and the log: what it is and how it looks to the client. */
  label: string;
  guestPort: number;
  /** Whether the client's temp and home folders exist on the engine's side and its ports reach the client. */
  desktopLike: boolean;
}

export const VM_ENGINES: VmEngine[] = [
  {
    id: 'docker-desktop-like',
    label: 'Docker, desktop-like: shared folders, forwarded ports, overlay2',
    guestPort: 2375,
    desktopLike: true,
  },
  { id: 'docker-remote', label: 'Docker, plain remote: containerd image store', guestPort: 2376, desktopLike: false },
  { id: 'podman', label: 'Podman + crun, Docker API, plain remote', guestPort: 2377, desktopLike: false },
];
