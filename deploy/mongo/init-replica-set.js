// Initiates the 3-member replica set once; re-running is harmless.
try {
  rs.status();
} catch (e) {
  rs.initiate({_id: "rs0", members: [
    {_id: 0, host: "mongo-1:27017"}, {_id: 1, host: "mongo-2:27017"}, {_id: 2, host: "mongo-3:27017"}]});
}
