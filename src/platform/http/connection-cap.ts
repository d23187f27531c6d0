// At most so many open connections per client address (issue 16.9: one address held 3,000). A
// connection over the cap is closed as it opens, before a byte of it is read; the address's others
// carry on. Peers that are trusted proxies are not counted: they carry every client behind them.
import type { Server } from "node:http";
import type { Socket } from "node:net";
import { plainAddress } from "./trusted-proxies.js";

export type ConnectionCapOptions = {
  /** 0: no cap. */
  maxPerAddress: number;
  isExempt: (address: string) => boolean;
  onRefused?: (address: string) => void;
};

export function capConnectionsPerAddress(server: Server, options: ConnectionCapOptions): void {
  if (options.maxPerAddress <= 0) return;
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ? plainAddress(socket.remoteAddress) : undefined;
    if (!address || options.isExempt(address)) return;
    const count = open.get(address) ?? 0;
    if (count >= options.maxPerAddress) {
      options.onRefused?.(address);
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once("close", () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
