// Run by docker-compose.yml's mongo-init as the root user: initiates the 3-member replica set once, then gives every
// service a user of its own that may read and write only its own database. Re-running is harmless (passwords are
// reset to the environment's).
try {
  rs.status();
} catch (e) {
  // mongo-1 holds the root user created from MONGO_INITDB_ROOT_*; the others sync from it
  rs.initiate({_id: "rs0", members: [
    {_id: 0, host: "mongo-1:27017", priority: 2}, {_id: 1, host: "mongo-2:27017"}, {_id: 2, host: "mongo-3:27017"}]});
}
while (!db.hello().isWritablePrimary) {
  sleep(1000);
}

const services = [
  {user: "pledge-service", database: "neuguong_pledges", password: process.env.MONGO_PLEDGE_PASSWORD},
  {user: "recognition-service", database: "neuguong_recognition", password: process.env.MONGO_RECOGNITION_PASSWORD},
  {user: "reporting-service", database: "neuguong_reporting", password: process.env.MONGO_REPORTING_PASSWORD},
];
for (const service of services) {
  if (!service.password) {
    throw new Error("No password for " + service.user + " in the environment");
  }
  const database = db.getSiblingDB(service.database);
  const roles = [{role: "readWrite", db: service.database}];
  if (database.getUser(service.user) === null) {
    database.createUser({user: service.user, pwd: service.password, roles: roles});
  } else {
    database.updateUser(service.user, {pwd: service.password, roles: roles});
  }
}
print("Replica set rs0 and the services' users are in place.");
