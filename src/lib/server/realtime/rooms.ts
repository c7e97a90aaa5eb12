// Names of the socket.io rooms every socket joins on connect: its user's and its session's.
export const userRoom = (userId: string) => `user:${userId}`;
export const sessionRoom = (sessionId: string) => `session:${sessionId}`;
