import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type Docker from 'dockerode';

/** One place an engine might be listening, and why we are looking there. */
export interface Endpoint {
  /** Where it came from, for people: "DOCKER_HOST", "docker context colima", "default socket". */
  source: string;
  /** The address as Docker writes it: unix:///var/run/docker.sock, tcp://host:2376, npipe:////./pipe/x. */
  host: string;
  /** A local socket or pipe path, when the endpoint is one (so absence can be reported without a ping). */
  socketPath?: string;
  /** Directory holding ca.pem, cert.pem and key.pem for a TLS tcp endpoint. */
  tlsDir?: string;
}

/**
 * Turns an endpoint into dockerode connection options. docker-modem starts from what DOCKER_HOST says
 * and keeps its host over any socketPath given: a socket chosen otherwise (a context, or a test's own
 * engine while DOCKER_HOST names another) says explicitly that there is no host.
 */
export function dockerOptions(endpoint: Endpoint): Docker.DockerOptions {
  if (endpoint.socketPath) return { socketPath: endpoint.socketPath, host: undefined, protocol: 'http' };
  const url = new URL(endpoint.host);
  switch (url.protocol) {
    case 'tcp:':
    case 'http:':
    case 'https:': {
      const tls = Boolean(endpoint.tlsDir) || url.protocol === 'https:';
      const options: Docker.DockerOptions = {
        protocol: tls ? 'https' : 'http',
        host: url.hostname,
        port: url.port || (tls ? '2376' : '2375'),
      };
      if (endpoint.tlsDir) {
        options.ca = readFileSync(join(endpoint.tlsDir, 'ca.pem'));
        options.cert = readFileSync(join(endpoint.tlsDir, 'cert.pem'));
        options.key = readFileSync(join(endpoint.tlsDir, 'key.pem'));
      }
      return options;
    }
    case 'ssh:':
      return {
        protocol: 'ssh',
        host: url.hostname,
        port: url.port || '22',
        username: url.username || undefined,
      } as Docker.DockerOptions;
    default:
      throw new Error(`unsupported engine address ${endpoint.host}`);
  }
}

/** unix:// and npipe:// addresses name a local path; others (tcp, ssh) do not. */
export function socketPathOf(host: string): string | undefined {
  if (host.startsWith('unix://')) return host.slice('unix://'.length);
  if (host.startsWith('npipe://')) return host.slice('npipe://'.length).replace(/\//g, '\\');
  return undefined;
}
